// A clerk standing behind every window's counter: the platform's skinned digital human in a clerk's
// uniform (the whole row in one draw call, the platform's crowd mesh), idling and blinking, looking at a
// visitor who comes near, and talking with the voice's level while its window answers. Only clerks in view
// animate, far ones every few frames (CrowdTicker). Until the model loads, or if it cannot, plain merged
// figures stand in.
import { useMemo } from 'react'
import { Matrix4, Quaternion, Vector3 } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { mouthLevel, useNarrationStore } from '../../../platform/audio'
import { useFrameStage } from '../../../platform/frame'
import {
  CrowdTicker,
  type HumanoidAnimator,
  type HumanoidFrame,
  useHumanoidCrowd,
} from '../../../platform/humans'
import { getHeadPosition } from '../../../platform/locomotion'
import { AssetBoundary } from '../../../platform/models'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { type ClerkFigure, clerkFigures } from '../clerk-figures'
import { clerkDistanceSq } from '../logic/clerk-distance'
import { buildAvatar } from '../logic/hall-geometry'
import { CLERK_DEPTH, type Point3, placeLocal } from '../logic/hall-placement'
import { useHall } from '../service-hall-store'

/** Within this distance (m) of its head a clerk looks at the visitor (its own window's, not the next) and animates every frame. */
const NEAR_M = 3
/**
 * Beyond this distance (m) from the visitor's head a clerk is drawn at its file's far detail, a quarter of
 * its triangles within about 7 mm of the full body (LOOK.md: the distance gets silhouettes). From a counter
 * the visitor's own clerk stands about 1 m away and the next windows' 3 m or more.
 */
const FULL_DETAIL_M = 4
/** A standing clerk's head height (m), for the distance to the visitor. */
const HEAD_Y = 1.55
const UP = new Vector3(0, 1, 0)
const eye = new Vector3()
const hallInverse = new Matrix4()
const frame: HumanoidFrame = { delta: 0, lookAt: null, mouth: 0 }

interface Placement {
  position: Point3
  rotationY: number
}

export function HallClerks({ content }: { content: ServiceHallContent }) {
  const windows = content.layout.windows
  const placements = useMemo<Placement[]>(
    () =>
      windows.map((w) => ({
        position: placeLocal(w.position, w.rotationY, [0, 0, CLERK_DEPTH]),
        rotationY: w.rotationY,
      })),
    [windows],
  )
  return (
    <group name="hall-clerks">
      {placements.map((p, i) => (
        <group
          key={windows[i].id}
          position={[p.position[0], HEAD_Y, p.position[2]]}
          name={`clerk:${windows[i].id}`}
        />
      ))}
      <AssetBoundary asset={content.layout.models.clerk} fallback={<StandInClerks placements={placements} />}>
        <ClerkFigures content={content} placements={placements} />
      </AssetBoundary>
    </group>
  )
}

function ClerkFigures({ content, placements }: { content: ServiceHallContent; placements: Placement[] }) {
  const windows = content.layout.windows
  const ticker = useMemo(() => new CrowdTicker(windows.length), [windows.length])
  useFrameStage('kindLogic', (_, rawDelta) => {
    const delta = Math.min(rawDelta, 0.5)
    ticker.nextFrame()
    const { clerkWindowId } = useHall.getState()
    const narration = useNarrationStore.getState()
    // The clerk's lines come from its place; the hall's ticket calls are head-locked and nobody's mouth.
    const voice = narration.speaking && narration.position !== undefined
    getHeadPosition(eye)
    // The figures stand in the hall's space (AR's table model is the hall at 1:50).
    const hall = objects[0]?.parent
    if (hall) hallInverse.copy(hall.matrixWorld).invert()
    else hallInverse.identity()
    for (let i = 0; i < windows.length; i++) {
      const figure = clerkFigures.get(windows[i].id)
      if (!figure) continue
      const p = placements[i].position
      const talking = voice && windows[i].id === clerkWindowId
      const distanceSq = clerkDistanceSq(p, HEAD_Y, eye, hallInverse)
      const near = distanceSq < NEAR_M * NEAR_M
      crowd?.setFullDetail(i, talking || distanceSq < FULL_DETAIL_M * FULL_DETAIL_M)
      figure.fullDetail = crowd?.isFullDetail(i) ?? true
      figure.animator.setBase(talking ? 'talk' : 'idle')
      const step = ticker.stepFigure(i, delta, figure, talking, near)
      if (step === 0) continue
      frame.delta = step
      frame.lookAt = near ? eye : null
      frame.mouth = talking ? mouthLevel() : 0
      figure.animator.update(frame)
      figure.updates++
    }
  })
  const keys = useMemo(() => windows.map((w) => w.id), [windows])
  const seeds = useMemo(() => windows.map((_, i) => 101 + i), [windows])
  const { objects, crowd } = useHumanoidCrowd(
    content.layout.models.clerk,
    keys,
    seeds,
    clerkFigures,
    newClerk,
  )
  return (
    <>
      {objects.map((object, i) => (
        <primitive
          key={keys[i]}
          object={object}
          position={placements[i]!.position}
          rotation-y={(placements[i]!.rotationY * Math.PI) / 180}
          name={`clerk-figure:${keys[i]}`}
        />
      ))}
      {crowd && <primitive object={crowd} name="clerk-crowd" />}
    </>
  )
}

/** A clerk as the frame loop and the debug view see it, counting its animator updates. */
const newClerk = (animator: HumanoidAnimator): ClerkFigure => ({
  animator,
  drawn: true,
  updates: 0,
  fullDetail: true,
})

/** Plain standing figures, all merged into one draw, while the humanoid loads or if it fails. */
function StandInClerks({ placements }: { placements: Placement[] }) {
  const bodies = useMemo(() => {
    const one = buildAvatar()
    const all = mergeGeometries(
      placements.map((p) =>
        one
          .clone()
          .applyMatrix4(
            new Matrix4().compose(
              new Vector3(...p.position),
              new Quaternion().setFromAxisAngle(UP, (p.rotationY * Math.PI) / 180),
              new Vector3(1, 1, 1),
            ),
          ),
      ),
    )
    return all ?? one
  }, [placements])
  return (
    <mesh geometry={bodies} name="clerk-bodies">
      <meshLambertMaterial vertexColors />
    </mesh>
  )
}
