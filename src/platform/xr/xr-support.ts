// What this browser can do with WebXR, checked once, so the UI can offer the right buttons and
// explain plainly when VR is not available (no WebXR, or not a secure context).
import { useEffect, useState } from 'react'

export interface XRSupport {
  checked: boolean
  secureContext: boolean
  webxr: boolean
  vr: boolean
  ar: boolean
}

export async function detectXRSupport(): Promise<XRSupport> {
  const secureContext = window.isSecureContext
  const xr = navigator.xr
  if (!xr) return { checked: true, secureContext, webxr: false, vr: false, ar: false }
  const supported = async (mode: XRSessionMode) => {
    try {
      return await xr.isSessionSupported(mode)
    } catch {
      return false
    }
  }
  const [vr, ar] = await Promise.all([supported('immersive-vr'), supported('immersive-ar')])
  return { checked: true, secureContext, webxr: true, vr, ar }
}

export function useXRSupport(): XRSupport {
  const [support, setSupport] = useState<XRSupport>({
    checked: false,
    secureContext: true,
    webxr: false,
    vr: false,
    ar: false,
  })
  useEffect(() => {
    let alive = true
    void detectXRSupport().then((s) => alive && setSupport(s))
    return () => {
      alive = false
    }
  }, [])
  return support
}

/** The https:// address to suggest when the page was opened over plain http on the LAN. */
export function httpsSuggestion(location: Location): string {
  return `https://${location.host}${location.pathname}${location.search}`
}
