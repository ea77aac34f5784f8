// Whether panels held in the view (ViewSlot, HeadFollow) are drawn. The kiosk's attract loop flies a
// camera with no visitor behind it: menus and notices made for a visitor's eyes would float in its
// shot, so it hides them while it plays. A plain flag read per frame, never React state.
import { testHooks } from '../debug/test-hooks'

let hidden = false

export function setViewUiHidden(value: boolean): void {
  hidden = value
}

export function viewUiHidden(): boolean {
  return hidden
}

// The lobby's thumbnails are stills of the scenes as a visitor arrives, without a visitor's menus.
testHooks.setViewUiHidden = setViewUiHidden
