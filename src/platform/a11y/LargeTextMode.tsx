// Applies the large-text / high-contrast setting to the page (the 3D side reads it in UiText).
import { useEffect } from 'react'
import { useLargeText } from '../settings/settings-store'
import './a11y.css'

export function LargeTextMode() {
  const largeText = useLargeText()
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText)
  }, [largeText])
  return null
}
