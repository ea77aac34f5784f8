// The kiosk's layer over the page: the attract loop's screen and the staff exit. Nothing outside
// kiosk mode.
import { useRoute } from '../url/route-store'
import { AttractOverlay } from './AttractOverlay'
import { StaffExit } from './StaffExit'

export function KioskScreen() {
  const kiosk = useRoute((r) => r.kiosk)
  if (!kiosk) return null
  return (
    <>
      <AttractOverlay />
      <StaffExit />
    </>
  )
}
