// The big slide screen: the page everyone sees (text or image from the scene data), the teacher's laser
// dot and ink strokes. The teacher points with any pointer (ray, hand, mouse, touch) to aim the laser or
// draw; strokes are sent when the pointer lifts.
import { Line, useTexture } from '@react-three/drei'
import type { ThreeEvent } from '@react-three/fiber'
import { useThree } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import type { Camera, Mesh, Object3D } from 'three'
import { useFrameStage } from '../../../platform/frame'
import { useLocalize } from '../../../platform/i18n'
import { AssetBoundary } from '../../../platform/models'
import { UiText } from '../../../platform/ui'
import type { ClassroomContent, Slide } from '../../../schema/kinds/classroom'
import { live, useClassroom } from '../classroom-store'
import { S } from '../classroom-strings'
import { SLIDE_MARGIN, type SlideFonts, slideFonts } from '../logic/slide-legibility'
import { addStroke, showLaser } from '../room-actions'

const SEND_INTERVAL_MS = 50

/** The screen and the camera, for the debug view's legibility check (read only when a test asks). */
export const slideScreenShown: { root: Object3D | null; camera: Camera | null } = { root: null, camera: null }

export function SlideScreen({ content }: { content: ClassroomContent }) {
  const { screenPosition, screenSize } = content.layout
  const [w, h] = screenSize
  const slideIndex = useClassroom((s) => s.slide)
  const role = useClassroom((s) => s.role)
  const mode = useClassroom((s) => s.mode)
  const annotations = useClassroom((s) => s.annotations)
  const localize = useLocalize()
  // Legible from the farthest seat (logic/slide-legibility.ts), from the scene's own seats and screen.
  const fonts = useMemo(() => slideFonts(content.layout, content.seats), [content.layout, content.seats])
  slideScreenShown.camera = useThree((s) => s.camera)
  const slide = content.slides[Math.min(slideIndex, content.slides.length - 1)]
  const isTeacher = role === 'teacher' && mode === 'online'
  const laser = useRef<Mesh>(null)
  const lastSent = useRef(0)
  const stroke = useRef<number[] | null>(null)

  useFrameStage('kindLogic', () => {
    if (!laser.current) return
    laser.current.visible = live.laser.on
    laser.current.position.set((live.laser.u - 0.5) * w, (live.laser.v - 0.5) * h, 0.02)
  })

  const uvOf = (e: ThreeEvent<PointerEvent>): [number, number] | null => (e.uv ? [e.uv.x, e.uv.y] : null)
  const onMove = (e: ThreeEvent<PointerEvent>) => {
    if (!isTeacher) return
    const uv = uvOf(e)
    if (!uv) return
    const tool = useClassroom.getState().tool
    const now = performance.now()
    if (stroke.current && stroke.current.length < 254) {
      stroke.current.push(uv[0], uv[1])
    }
    if (tool === 'laser' && now - lastSent.current > SEND_INTERVAL_MS) {
      lastSent.current = now
      showLaser(true, uv[0], uv[1])
    }
  }
  const onDown = (e: ThreeEvent<PointerEvent>) => {
    if (!isTeacher || useClassroom.getState().tool !== 'draw') return
    const uv = uvOf(e)
    if (uv) stroke.current = [uv[0], uv[1]]
  }
  const onUp = () => {
    const points = stroke.current
    stroke.current = null
    if (points) addStroke(points)
  }
  const onLeave = () => {
    onUp()
    if (isTeacher && useClassroom.getState().tool === 'laser') showLaser(false, live.laser.u, live.laser.v)
  }

  return (
    <group
      position={screenPosition}
      name="slide-screen"
      ref={(g) => {
        slideScreenShown.root = g
      }}
    >
      {/* Bezel */}
      <mesh position={[0, 0, -0.03]}>
        <boxGeometry args={[w + 0.16, h + 0.16, 0.04]} />
        <meshStandardMaterial color="#2b2f36" />
      </mesh>
      <mesh
        name="slide-surface"
        onPointerMove={onMove}
        onPointerDown={onDown}
        onPointerUp={onUp}
        onPointerLeave={onLeave}
        userData={{ interactive: isTeacher, label: 'slide' }}
      >
        <planeGeometry args={[w, h]} />
        <meshBasicMaterial color="#fbfbf8" toneMapped={false} />
      </mesh>
      <SlidePage key={slide.id} slide={slide} width={w} height={h} fonts={fonts} localize={localize} />
      <UiText
        name="slide-page-number"
        text={localize(S.slideOf)
          .replace('{n}', String(slideIndex + 1))
          .replace('{total}', String(content.slides.length))}
        fontSize={fonts.pageNumber}
        anchorX="right"
        anchorY="bottom"
        position={[w / 2 - SLIDE_MARGIN, -h / 2 + SLIDE_MARGIN * 0.5, 0.01]}
        color="#6b7280"
      />
      <mesh ref={laser} visible={false} name="laser-dot">
        <circleGeometry args={[0.03, 20]} />
        <meshBasicMaterial color="#ff1a1a" toneMapped={false} />
      </mesh>
      {annotations.map((points, i) => (
        <Line
          // Strokes only append or clear as a whole, so the index is a stable key.
          key={i}
          points={toPoints(points, w, h)}
          color="#d61f69"
          lineWidth={3}
        />
      ))}
    </group>
  )
}

function toPoints(flat: number[], w: number, h: number): [number, number, number][] {
  const out: [number, number, number][] = []
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([(flat[i] - 0.5) * w, (flat[i + 1] - 0.5) * h, 0.015])
  return out
}

function SlidePage({
  slide,
  width,
  height,
  fonts,
  localize,
}: {
  slide: Slide
  width: number
  height: number
  fonts: SlideFonts
  localize: ReturnType<typeof useLocalize>
}) {
  const left = -width / 2 + SLIDE_MARGIN
  const top = height / 2 - SLIDE_MARGIN
  const textWidth = width - 2 * SLIDE_MARGIN
  if (slide.type === 'text') {
    // The title and the bullets are one text (a heading above its body), so a title that wraps pushes
    // the bullets down instead of running into them.
    return (
      <UiText
        name="slide-text"
        heading={localize(slide.title)}
        headingColor="#7f1d1d"
        text={slide.bullets.map((b) => `• ${localize(b)}`).join('\n')}
        fontSize={fonts.body}
        lineHeight={1.25}
        maxWidth={textWidth}
        anchorX="left"
        anchorY="top"
        textAlign="left"
        position={[left, top, 0.01]}
        color="#1f2937"
      />
    )
  }
  const captionH = slide.caption ? fonts.caption * 1.25 * 2 : 0
  const titleH = fonts.title * 1.25
  return (
    <group>
      <UiText
        name="slide-title"
        text={localize(slide.title)}
        fontSize={fonts.title}
        maxWidth={textWidth}
        anchorX="left"
        anchorY="top"
        position={[left, top, 0.01]}
        color="#7f1d1d"
      />
      <AssetBoundary asset={slide.src}>
        <SlideImage
          src={slide.src}
          width={textWidth}
          height={height - 2 * SLIDE_MARGIN - titleH - captionH - 0.1}
          y={(captionH - titleH) / 2}
        />
      </AssetBoundary>
      {slide.caption && (
        <UiText
          name="slide-caption"
          text={localize(slide.caption)}
          fontSize={fonts.caption}
          lineHeight={1.25}
          maxWidth={textWidth - 1.6}
          anchorX="left"
          anchorY="bottom"
          textAlign="left"
          position={[left, -height / 2 + SLIDE_MARGIN * 0.5, 0.01]}
          color="#374151"
        />
      )}
    </group>
  )
}

function SlideImage({ src, width, height, y }: { src: string; width: number; height: number; y: number }) {
  const texture = useTexture(src)
  const image = texture.image as { width?: number; height?: number } | undefined
  const aspect = image?.width && image.height ? image.width / image.height : 2
  const w = Math.min(width, height * aspect)
  return (
    <mesh position={[0, y, 0.008]} name="slide-image">
      <planeGeometry args={[w, w / aspect]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
