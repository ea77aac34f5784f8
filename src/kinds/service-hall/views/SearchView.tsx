// Search at the guidance desk: Chinese, English, pinyin or initials (pinyin once the speller has
// loaded), typed on the in-VR keyboard (below the desk's panel) or, on desktop, through a hidden DOM
// input so the IME works.
import { useEffect, useMemo } from 'react'
import { useLocalize } from '../../../platform/i18n'
import { Button, Interactive, theme, UiText, VirtualKeyboard } from '../../../platform/ui'
import type { ServiceHallContent } from '../../../schema/kinds/service-hall'
import { chooseMatter, setSearchQuery, useHall } from '../service-hall-store'
import { strings } from '../service-hall-strings'
import { useDesktopTyping } from './desktop-typing'
import { H, W } from './navigator-size'

export function SearchView({ content, onPick }: { content: ServiceHallContent; onPick: () => void }) {
  const l = useLocalize()
  const query = useHall((s) => s.searchQuery)
  const search = useHall((s) => s.search)
  const hits = useMemo(() => (search ? search.search(query, 4) : []), [search, query])
  const typing = useDesktopTyping(true, query, setSearchQuery, () => undefined)
  useEffect(() => {
    typing.focus()
  }, [typing])
  return (
    <group name="sh:search-view">
      <Interactive
        label="search-field"
        onPress={() => typing.focus()}
        name="sh:search-field"
        position={[0, 0.2, 0.005]}
        hoverScale={1.01}
      >
        <mesh>
          <planeGeometry args={[W - 0.08, 0.08]} />
          <meshBasicMaterial color="#ffffff" toneMapped={false} />
        </mesh>
        <UiText
          text={query || l(strings.searchHint)}
          fontSize={0.034}
          maxWidth={W - 0.1}
          color={query ? theme.text : '#888'}
          position={[0, 0, 0.003]}
          name="sh:search-text"
        />
      </Interactive>
      {hits.map((h, i) => {
        const matter = content.matters.find((m) => m.id === h.matterId)
        if (!matter) return null
        return (
          <Button
            key={h.matterId}
            label={l(matter.name)}
            width={W - 0.08}
            height={0.085}
            fontSize={0.034}
            position={[0, 0.09 - i * 0.095, 0.01]}
            variant={i === 0 ? 'primary' : 'secondary'}
            onPress={() => {
              chooseMatter(h.matterId)
              onPick()
            }}
            name={`sh:hit:${h.matterId}`}
          />
        )
      })}
      {query && hits.length === 0 && (
        <UiText text={l(strings.noResults)} fontSize={0.034} maxWidth={W - 0.1} position={[0, 0.08, 0]} />
      )}
      <VirtualKeyboard
        value={query}
        onChange={setSearchQuery}
        width={0.68}
        // Below the narrow panel, tilted up to the hands, as at the clerk's window.
        position={[0, -H / 2 - 0.2, 0.12]}
        rotation={[-0.6, 0, 0]}
        name="sh:search-keyboard"
      />
    </group>
  )
}
