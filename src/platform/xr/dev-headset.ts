// Development only: an emulated Meta Quest 3 (IWER). forceInstall is needed because Chromium already
// has a native navigator.xr. Exposed as window.__xrDevice to drive controllers and hands from devtools.
import { metaQuest3, XRDevice } from 'iwer'

export function installDevHeadset(): XRDevice {
  const device = new XRDevice(metaQuest3)
  device.installRuntime({ forceInstall: true })
  ;(window as unknown as { __xrDevice: XRDevice }).__xrDevice = device
  console.info('IWER: emulated Meta Quest 3 installed (window.__xrDevice)')
  return device
}
