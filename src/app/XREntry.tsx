// "进入 VR" / "Enter AR" buttons when the device offers them, and a plain explanation when it
// cannot (no WebXR, or plain http on the LAN). Desktop mode always stays usable. AR is offered only
// where the page has an AR presentation to show (`offersAR`), never a VR scene behind an AR button.
import { arStrings } from '../platform/ar/ar-strings'
import { useLocalize, useUiText } from '../platform/i18n/i18n'
import { enterXR, exitXR, useXRSession } from '../platform/xr/xr-session'
import { httpsSuggestion, useXRSupport } from '../platform/xr/xr-support'
import { useXRSwitch } from '../platform/xr/xr-switch'

export function XREntry({ offersAR = false }: { offersAR?: boolean }) {
  const support = useXRSupport()
  const t = useUiText()
  const mode = useXRSession((s) => s.mode)
  const stageReady = useXRSession((s) => s.stageReady)
  // A VR visit that came from the AR table (the tour's map), left through 退出 VR: offer the way back.
  const backToTable = useXRSwitch((s) => s.backTo === 'immersive-ar')
  const localize = useLocalize()
  if (!support.checked) return null
  if (mode) {
    return (
      <button type="button" className="btn" onClick={() => void exitXR()}>
        {t(mode === 'immersive-ar' ? 'exitAR' : 'exitVR')}
      </button>
    )
  }
  if (!support.secureContext) {
    return (
      <p className="notice" role="status">
        {t('xrNeedsHttps', { url: httpsSuggestion(window.location) })}
      </p>
    )
  }
  if (!support.webxr) {
    return (
      <p className="notice" role="status">
        {t('xrMissing')}
      </p>
    )
  }
  return (
    <>
      {support.ar && offersAR && backToTable && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={!stageReady}
          onClick={() => void enterXR('immersive-ar')}
        >
          {localize(arStrings.backToTable)}
        </button>
      )}
      {support.vr && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={!stageReady}
          aria-busy={!stageReady}
          onClick={() => void enterXR('immersive-vr')}
        >
          {t('enterVR')}
        </button>
      )}
      {support.ar && offersAR && (
        <button
          type="button"
          className="btn"
          disabled={!stageReady}
          onClick={() => void enterXR('immersive-ar')}
        >
          {t('enterAR')}
        </button>
      )}
      {!support.vr && !(support.ar && offersAR) && (
        <p className="notice" role="status">
          {t('xrUnsupported')}
        </p>
      )}
    </>
  )
}
