// The spectator big screen's messages in the venue room (/?spectate): a staff screen signs in with the
// operator code and watches one device; while anyone watches it, that device streams its head pose,
// pointer rays and hands 25 times a second and what its visitor sees (narration, the kind's own
// view state) when it changes. The server relays both to the device's watchers only, after parsing them
// here: every number is finite and bounded, every text and the kind's state are capped in size.
import { z } from 'zod'
import { DeviceIdField, type DeviceReport } from './venue-messages'

/** How often a watched device samples and sends its pose: 25 a second, so a big screen sees at least 20. */
export const POSE_INTERVAL_MS = 40
/** Largest kind view state, as JSON, a device may send (a tour stop, a hall plan, a twin selection). */
export const VIEW_STATE_MAX_JSON = 4000
/** Longest narration subtitle relayed. */
export const SUBTITLE_MAX_LENGTH = 600

/** A coordinate or quaternion component: finite and within a venue's reach. */
const Coord = z.number().finite().min(-10_000).max(10_000)
/** Position then orientation: [x, y, z, qx, qy, qz, qw], in the scene's world. */
export const PoseTuple = z.tuple([Coord, Coord, Coord, Coord, Coord, Coord, Coord])
export type PoseTuple = z.infer<typeof PoseTuple>

/** The hand joints a spectator draws: the wrist, then each fingertip, thumb first (x, y, z each). */
export const HAND_JOINTS = [
  'wrist',
  'thumb-tip',
  'index-finger-tip',
  'middle-finger-tip',
  'ring-finger-tip',
  'pinky-finger-tip',
] as const

export const InputPose = z
  .object({
    hand: z.enum(['left', 'right', 'none']),
    /** The pointer ray's origin and orientation (its direction is the pose's −Z). */
    ray: PoseTuple.optional(),
    /** HAND_JOINTS positions, flattened, when the input is a tracked hand. */
    joints: z
      .array(Coord)
      .length(HAND_JOINTS.length * 3)
      .optional(),
  })
  .strict()
export type InputPose = z.infer<typeof InputPose>

/** One sample of what the visitor's head and hands do. */
export const PoseFrame = z
  .object({
    /** The device's clock when sampled (ms), for ordering; spectators never compare it with their own. */
    t: z.number().finite().min(0),
    head: PoseTuple,
    inputs: z.array(InputPose).max(4),
  })
  .strict()
export type PoseFrame = z.infer<typeof PoseFrame>

/** What the visitor sees besides the 3D world: the narration's subtitle and the open kind's own state. */
export const ViewState = z
  .object({
    subtitle: z.string().max(SUBTITLE_MAX_LENGTH),
    /** 0..1 through the narration's audio, so the spectator shows the same subtitle page. */
    progress: z.number().min(0).max(1).nullable(),
    /** The open kind's view state (its own schema, parsed by the kind); small by rule. */
    kind: z
      .unknown()
      .refine(
        (value) => JSON.stringify(value ?? null).length <= VIEW_STATE_MAX_JSON,
        'kind state is too large',
      ),
  })
  .strict()
export type ViewState = z.infer<typeof ViewState>

/** A spectator's join: the operator code (never in a URL), and the device to watch, if any yet. */
export const SpectatorJoinOptions = z
  .object({
    role: z.literal('spectator'),
    code: z.string().max(64),
    watch: DeviceIdField.nullable(),
  })
  .strict()
export type SpectatorJoinOptions = z.input<typeof SpectatorJoinOptions>

/** Spectator→server: which device to watch now (null: none). */
export const WatchMessage = z.object({ deviceId: DeviceIdField.nullable() }).strict()

/** Server→spectator messages. */
export interface SpectatorServerEvents {
  /** The watched device and its latest report (null when it is not known or offline). */
  watching: { deviceId: string | null; report: DeviceReport | null; online: boolean }
  pose: PoseFrame
  view: ViewState
  refused: { type: string; reason: string }
}

/** Server→device: whether anyone watches this device now (it streams its pose only then). */
export interface SpectatedEvent {
  on: boolean
}
