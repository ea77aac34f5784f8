// Software rasterisers are recognised by the renderer strings browsers report for them, and real
// GPUs (a Quest's Adreno, a Pico's, desktop parts through ANGLE) are not mistaken for them.
import { describe, expect, it } from 'vitest'
import { isSoftwareRenderer } from '../../../src/platform/render'

describe('isSoftwareRenderer', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Mesa softpipe',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
    'Google SwiftShader',
  ])('knows %s is software', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(true)
  })

  it.each([
    'Adreno (TM) 740',
    'Adreno (TM) 650',
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
    'Apple GPU',
    '',
  ])('knows %s is a GPU (or unknown)', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(false)
  })
})
