import { describe, expect, it } from 'vitest'
import { levelRoughness, PMREM_MAX_LOD } from '../../../src/platform/environment/small-pmrem'

/** Three's shader chunk envmap_common_pars_fragment: the level a roughness is read from. */
const roughnessToMip = (r: number) => PMREM_MAX_LOD * r * (2 - r)

describe('small prefiltered reflection map', () => {
  it('filters each level for the roughness three reads it for', () => {
    for (let lod = 0; lod <= PMREM_MAX_LOD; lod++) {
      expect(roughnessToMip(levelRoughness(lod))).toBeCloseTo(lod, 10)
    }
    expect(levelRoughness(0)).toBe(0)
    expect(levelRoughness(PMREM_MAX_LOD)).toBe(1)
  })
})
