// Which GPU draws this page, asked once from a throwaway WebGL context before the stage makes its
// own. A kiosk PC without a working GPU driver (or a blocklisted one) falls back to a software
// rasteriser such as SwiftShader or llvmpipe; there every multisampled pixel is paid for on the CPU,
// so the stage turns antialiasing off and keeps the lighting and materials as they are.
export interface GraphicsDevice {
  /** The unmasked renderer string, or '' when the browser hides it or has no WebGL. */
  renderer: string
  /** A software rasteriser: antialiasing is off there. */
  software: boolean
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer)
}

let known: GraphicsDevice | null = null

export function graphicsDevice(): GraphicsDevice {
  if (known) return known
  let renderer = ''
  try {
    const gl = document.createElement('canvas').getContext('webgl2')
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info')
      renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
      gl.getExtension('WEBGL_lose_context')?.loseContext()
    }
  } catch {
    // No WebGL at all: the stage reports that itself.
  }
  known = { renderer, software: isSoftwareRenderer(renderer) }
  return known
}
