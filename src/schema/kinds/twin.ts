// Scene data for the "twin" kind: the park's assets and what they measure, the visual and alert rules,
// gauges, controls and the inspection route. The kind's own folder (src/kinds/twin) turns this into an experience.

import { z } from 'zod'
import { ID_PATTERN } from '../../shared/scene-id'
import { AssetPath, Color, LocalizedText, Vec3 } from '../common'

/** What the simulator and the widgets know how to measure. Units are fixed so rules stay comparable. */
export const TWIN_METRIC_IDS = [
  'power',
  'energyToday',
  'solar',
  'temperature',
  'humidity',
  'co2',
  'occupancy',
  'hvacOn',
  'hvacSetpoint',
  'lighting',
  'chargersInUse',
  'alarm',
] as const
export const TwinMetricId = z.enum(TWIN_METRIC_IDS)
export type TwinMetricId = z.infer<typeof TwinMetricId>

/** Controls a viewer can switch from the asset panel; each one is closed-loop through the command topic. */
export const TWIN_CONTROL_IDS = ['hvac', 'lighting', 'chargers'] as const
export const TwinControlId = z.enum(TWIN_CONTROL_IDS)
export type TwinControlId = z.infer<typeof TwinControlId>

export const TWIN_ASSET_TYPES = [
  'office',
  'factory',
  'warehouse',
  'datacenter',
  'energy',
  'chargers',
  'grounds',
] as const
export const TwinAssetType = z.enum(TWIN_ASSET_TYPES)
export type TwinAssetType = z.infer<typeof TwinAssetType>

/**
 * A number, either absolute or a fraction of one of the asset's own limits, so one rule such as
 * "power above 90 % of the contract" serves every building.
 */
export const TwinThreshold = z
  .object({
    value: z.number(),
    /** When set, `value` is multiplied by this limit of the asset the rule is evaluated on. */
    of: z.enum(['contractKw', 'capacity']).optional(),
  })
  .strict()
export type TwinThreshold = z.infer<typeof TwinThreshold>

export const TwinCondition = z
  .object({
    metric: TwinMetricId,
    op: z.enum(['>', '>=', '<', '<=', '==', '!=']),
    threshold: TwinThreshold,
  })
  .strict()
export type TwinCondition = z.infer<typeof TwinCondition>

/** Simulation parameters: how this asset behaves over a day. Scene data so a new park needs no code. */
export const TwinAssetSimulation = z
  .object({
    /** Power drawn at night with nobody in, kW. */
    baseKw: z.number().min(0),
    /** Extra power at the busiest hour of the day, kW. */
    peakKw: z.number().min(0),
    /** Share of the load that is HVAC (switching HVAC off removes it). Default 0.35. */
    hvacShare: z.number().min(0).max(1).default(0.35),
    /** Share of the load that is lighting at 100 %. Default 0.15. */
    lightingShare: z.number().min(0).max(1).default(0.15),
    /** Busy hours, [start, end) local time; the load curve ramps around them. Default 8–18. */
    busyHours: z.tuple([z.number().min(0).max(24), z.number().min(0).max(24)]).default([8, 18]),
    /** Peak solar output of rooftop panels, kW (energy stations). Default 0. */
    solarKwp: z.number().min(0).default(0),
    /** Probability per hour of an energy spike fault. Default 0.2. */
    faultsPerHour: z.number().min(0).default(0.2),
  })
  .strict()
export type TwinAssetSimulation = z.infer<typeof TwinAssetSimulation>

export const TwinAsset = z
  .object({
    id: z.string().regex(ID_PATTERN, 'asset ids are lowercase letters, digits and dashes'),
    type: TwinAssetType,
    name: LocalizedText,
    /** Ground centre of the asset. */
    position: Vec3,
    rotationY: z.number().default(0),
    /** Footprint width (x), height (y) and depth (z) in metres: the click target and the status outline. */
    size: Vec3,
    /** Building model; its mesh named "Body" is tinted by the visual rules. */
    model: AssetPath.optional(),
    /** Uniform scale for the model. Default 1. */
    modelScale: z.number().positive().default(1),
    /** Contracted (maximum allowed) power, kW: the reference for "above the contract limit" rules. */
    contractKw: z.number().positive(),
    /** People (offices) or charge points (chargers) the asset holds. */
    capacity: z.number().int().min(0).default(0),
    metrics: z.array(TwinMetricId).min(1),
    controls: z.array(TwinControlId).default([]),
    simulation: TwinAssetSimulation,
  })
  .strict()
export type TwinAsset = z.infer<typeof TwinAsset>

export const TwinMetricInfo = z
  .object({
    id: TwinMetricId,
    label: LocalizedText,
    /** The unit on the wire and, without `displayUnit`, on screen. */
    unit: z.string(),
    /**
     * The unit as people read it, per language, when the wire unit is a word ("人" → "people"); an
     * empty `en` shows no unit in English.
     */
    displayUnit: z.object({ zh: z.string(), en: z.string() }).strict().optional(),
    decimals: z.number().int().min(0).max(3).default(0),
    /** Gauge scale. Values outside [min, max] on the wire are rejected as out of range. */
    min: TwinThreshold,
    max: TwinThreshold,
    /** Coloured gauge bands, each up to `to` (ascending). */
    ranges: z.array(z.object({ to: TwinThreshold, color: Color }).strict()).default([]),
    /** Accepted physical range on the wire (absolute); anything else is dropped as a faulty reading. */
    valid: z.tuple([z.number(), z.number()]),
  })
  .strict()
export type TwinMetricInfo = z.infer<typeof TwinMetricInfo>

export const TwinVisualRule = z
  .object({
    id: z.string().min(1),
    /** Asset ids the rule applies to; default every asset that reports the metric. */
    assets: z.array(z.string()).optional(),
    when: TwinCondition,
    /** Tint for the asset's body and outline. Later matching rules win over earlier ones. */
    color: Color.optional(),
    /** A short label shown over the asset while the rule matches. */
    badge: LocalizedText.optional(),
  })
  .strict()
  .refine((r) => r.color !== undefined || r.badge !== undefined, {
    message: 'a visual rule needs a color or a badge',
  })
export type TwinVisualRule = z.infer<typeof TwinVisualRule>

export const TwinAlertSeverity = z.enum(['info', 'warning', 'critical'])
export type TwinAlertSeverity = z.infer<typeof TwinAlertSeverity>

export const TwinAlertRule = z
  .object({
    id: z.string().min(1),
    assets: z.array(z.string()).optional(),
    when: TwinCondition,
    /** The condition must hold this long before the alert is raised (debounce). */
    holdSeconds: z.number().min(0),
    severity: TwinAlertSeverity,
    message: LocalizedText,
  })
  .strict()
export type TwinAlertRule = z.infer<typeof TwinAlertRule>

export const TwinInspectionStop = z
  .object({
    asset: z.string(),
    /** Where the inspector is placed (teleport: the comfortable way to move in VR), and the view yaw. */
    standAt: Vec3,
    yaw: z.number().default(0),
    /** What to check here, read out at the stop. */
    checklist: LocalizedText,
  })
  .strict()

export const TwinRoad = z
  .object({
    from: z.tuple([z.number(), z.number()]),
    to: z.tuple([z.number(), z.number()]),
    width: z.number().positive().default(6),
  })
  .strict()

export const TwinContent = z
  .object({
    /** The park's id in the MQTT topics: park/<parkId>/<assetId>/<metric>. */
    parkId: z.string().regex(ID_PATTERN),
    /**
     * An external broker (EMQX, Mosquitto …) as ws:// or wss:// URL. Default: the app server's own broker
     * at /mqtt. `?mqtt=` in the page URL overrides both.
     */
    brokerUrl: z
      .string()
      .regex(/^wss?:\/\/[^\s]+$/, 'broker URLs are ws:// or wss://')
      .optional(),
    metrics: z.array(TwinMetricInfo).min(1),
    assets: z.array(TwinAsset).min(1).max(50),
    roads: z.array(TwinRoad).default([]),
    visualRules: z.array(TwinVisualRule).default([]),
    alertRules: z.array(TwinAlertRule).default([]),
    inspection: z
      .object({ title: LocalizedText, stops: z.array(TwinInspectionStop).min(1) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((twin, ctx) => {
    const assetIds = new Set<string>()
    twin.assets.forEach((a, i) => {
      if (assetIds.has(a.id))
        ctx.addIssue({ code: 'custom', path: ['assets', i, 'id'], message: `duplicate asset id "${a.id}"` })
      assetIds.add(a.id)
      a.metrics.forEach((m, j) => {
        if (!twin.metrics.some((info) => info.id === m)) {
          ctx.addIssue({
            code: 'custom',
            path: ['assets', i, 'metrics', j],
            message: `metric "${m}" is not in twin.metrics`,
          })
        }
      })
    })
    const checkAssets = (list: string[] | undefined, path: PropertyKey[]) => {
      list?.forEach((id, k) => {
        if (!assetIds.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, k], message: `unknown asset "${id}"` })
      })
    }
    for (const [i, r] of twin.visualRules.entries()) checkAssets(r.assets, ['visualRules', i, 'assets'])
    for (const [i, r] of twin.alertRules.entries()) checkAssets(r.assets, ['alertRules', i, 'assets'])
    twin.inspection?.stops.forEach((s, i) => {
      if (!assetIds.has(s.asset))
        ctx.addIssue({
          code: 'custom',
          path: ['inspection', 'stops', i, 'asset'],
          message: `unknown asset "${s.asset}"`,
        })
    })
  })
export type TwinContent = z.infer<typeof TwinContent>
export type TwinInspectionStop = z.infer<typeof TwinInspectionStop>
export type TwinRoad = z.infer<typeof TwinRoad>
