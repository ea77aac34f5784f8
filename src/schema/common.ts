// The parts every scene shares, whatever its kind: texts, environment, spawn, floors and models.

import { z } from 'zod'
import { ID_PATTERN } from '../shared/scene-id'

/** A text in both languages. English may be empty: the app falls back to Chinese and check:scenes warns. */
export const LocalizedText = z
  .object({
    zh: z.string().min(1, 'Chinese text (zh) is required'),
    en: z.string().default(''),
  })
  .strict()
export type LocalizedText = z.infer<typeof LocalizedText>

export const Vec3 = z.tuple([z.number(), z.number(), z.number()])
export type Vec3 = z.infer<typeof Vec3>

/** A CSS/three colour such as "#c8102e". */
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #rrggbb')

/** A same-origin asset path; absolute URLs are refused so a scene can never make the app go off-origin. */
export const AssetPath = z
  .string()
  .regex(
    /^\/(?!\/)[\w\-./%]+$/,
    'asset paths must be same-origin paths starting with "/", e.g. /models/x.glb',
  )

/** The tileable surface textures `npm run assets` draws (scripts/textures/), served as /textures/<name>.png. */
export const SurfaceTextureName = z.enum([
  'stone',
  'marble',
  'brick',
  'wood',
  'terrazzo',
  'asphalt',
  'grass',
  'fabric',
])
export type SurfaceTextureName = z.infer<typeof SurfaceTextureName>

/** A surface texture and how many metres one repeat of it covers. */
export const SurfaceTexture = z
  .object({ name: SurfaceTextureName, tile: z.number().positive().max(50) })
  .strict()
export type SurfaceTexture = z.infer<typeof SurfaceTexture>

export const Environment = z
  .object({
    sky: z.object({ top: Color, bottom: Color }).strict(),
    ground: z
      .object({
        color: Color,
        size: z.number().positive().default(60),
        /** The ground's texture (a lawn, paving, a floor), multiplying its colour; omitted: flat colour. */
        texture: SurfaceTexture.optional(),
      })
      .strict(),
    lights: z
      .object({
        /** Strength of the sky and ground's diffuse fill (a hemisphere light with their irradiance straight up and down). */
        ambient: z.number().min(0).max(5).default(0.6),
        sun: z
          .object({
            /** Omitted: the colour of the sun at `timeOfDay` (warm when low, near white when high). */
            color: Color.optional(),
            intensity: z.number().min(0).max(10),
            /** Where the sun shines from; omitted: where it stands at `timeOfDay`. */
            position: Vec3.optional(),
          })
          .strict(),
      })
      .strict(),
    fog: z.object({ color: Color, near: z.number(), far: z.number() }).strict().optional(),
    /** Local solar time in hours (17.5 = golden hour); places and colours the sun unless it says otherwise. */
    timeOfDay: z.number().min(0).max(24).default(14),
    /** Brightness of the whole picture before the filmic tone mapping (1 = as lit). */
    exposure: z.number().min(0.2).max(3).default(1),
    /** What metals and glossy surfaces reflect: the scene's own sky outdoors, a lit room indoors. */
    reflections: z.enum(['sky', 'room']).default('sky'),
  })
  .strict()
export type Environment = z.infer<typeof Environment>

export const Pose = z
  .object({
    position: Vec3,
    /** Yaw in degrees, counter-clockwise seen from above; 0 looks down -Z. */
    yaw: z.number().default(0),
  })
  .strict()
export type Pose = z.infer<typeof Pose>

/** An axis-aligned rectangle on the floor (y = height) where visitors may teleport or walk. */
export const FloorArea = z
  .object({
    id: z.string().min(1),
    min: z.tuple([z.number(), z.number()]),
    max: z.tuple([z.number(), z.number()]),
    y: z.number().default(0),
  })
  .strict()
  .refine((a) => a.min[0] < a.max[0] && a.min[1] < a.max[1], { message: 'floor area min must be below max' })
export type FloorArea = z.infer<typeof FloorArea>

export const ModelPlacement = z
  .object({
    id: z.string().min(1),
    src: AssetPath,
    position: Vec3.default([0, 0, 0]),
    rotationY: z.number().default(0),
    scale: z.number().positive().default(1),
  })
  .strict()
export type ModelPlacement = z.infer<typeof ModelPlacement>

/** Fields every kind has. Kind-specific content sits beside them, under the key named after the kind. */
export const SceneCommon = {
  $schema: z.string().optional(),
  id: z.string().regex(ID_PATTERN, 'scene ids are lowercase letters, digits and dashes'),
  title: LocalizedText,
  summary: LocalizedText,
  thumbnail: AssetPath,
  environment: Environment,
  spawn: Pose,
  floors: z.array(FloorArea).min(1, 'a scene needs at least one floor area to stand on'),
  models: z.array(ModelPlacement).min(1, 'a scene needs at least one glTF model'),
}
