// A card with a title, an image and body text: exhibit captions, service notes, asset details.
// The image is a local texture (no other origin); while it loads, the text is already readable.
import { useTexture } from '@react-three/drei'
import { Suspense } from 'react'
import { SRGBColorSpace } from 'three'
import type { Vec3 } from '../../schema/common'
import { Panel } from './Panel'
import { theme } from './theme'
import { UiText } from './UiText'

export interface InfoCardProps {
  title: string
  text: string
  /** Same-origin image URL (e.g. /images/x.png); the card keeps its layout without one. */
  image?: string
  /** Image aspect ratio width/height (default 16/9). */
  imageAspect?: number
  position?: Vec3
  rotation?: Vec3
  /** Card width in metres (default 0.7). */
  width?: number
  name?: string
}

export function InfoCard({
  title,
  text,
  image,
  imageAspect = 16 / 9,
  position,
  rotation,
  width = 0.7,
  name,
}: InfoCardProps) {
  const inner = width - 0.06
  const imageHeight = image ? inner / imageAspect : 0
  // Rough text height: enough lines for the body at body size, so long captions still fit.
  const charsPerLine = Math.max(8, Math.floor(inner / (theme.bodySize * 0.95)))
  const textHeight = Math.ceil(text.length / charsPerLine) * theme.bodySize * 1.4
  const height = 0.1 + imageHeight + (image ? 0.03 : 0) + textHeight + 0.05
  const top = height / 2
  return (
    <group position={position} rotation={rotation} name={name}>
      <Panel width={width} height={height}>
        <UiText
          text={title}
          fontSize={theme.bodySize * 1.2}
          maxWidth={inner}
          position={[0, top - 0.05, 0.004]}
        />
        {image && (
          <Suspense fallback={null}>
            <CardImage url={image} width={inner} height={imageHeight} y={top - 0.1 - imageHeight / 2} />
          </Suspense>
        )}
        <UiText
          text={text}
          fontSize={theme.bodySize}
          maxWidth={inner}
          anchorY="top"
          textAlign="left"
          position={[0, top - 0.1 - imageHeight - (image ? 0.03 : 0), 0.004]}
        />
      </Panel>
    </group>
  )
}

function CardImage({ url, width, height, y }: { url: string; width: number; height: number; y: number }) {
  const texture = useTexture(url)
  texture.colorSpace = SRGBColorSpace
  return (
    <mesh position={[0, y, 0.003]} raycast={() => null}>
      <planeGeometry args={[width, height]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  )
}
