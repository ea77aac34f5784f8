// One material object per look across model files, so a frame's draws of one look sort together and skip
// the material upload; a skinned or instanced draw of a look gets its own object, so consecutive draws
// never switch programs. Each test uses its own colours: the page's table of looks outlives a test.
import {
  BoxGeometry,
  Group,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  type Object3D,
  Skeleton,
  SkinnedMesh,
  Texture,
} from 'three'
import { describe, expect, it } from 'vitest'
import {
  instancedMaterial,
  materialLook,
  shareMaterials,
} from '../../../src/platform/models/shared-materials'

/** A loaded file's tree: a root, a part and a nested part, each with its own copy of the materials. */
function file(...materials: MeshStandardMaterial[]): { root: Group; meshes: Mesh[] } {
  const root = new Group()
  const meshes = materials.map((m) => new Mesh(new BoxGeometry(), m))
  let parent: Object3D = root
  for (const mesh of meshes) {
    parent.add(mesh)
    parent = mesh
  }
  return { root, meshes }
}

const matte = (color: string) =>
  new MeshStandardMaterial({ color, roughness: 0.85, metalness: 0, vertexColors: true, name: 'matte' })

describe('shared model materials', () => {
  it('points equal-looking materials of different files at one object, and different looks at their own', () => {
    const a = file(matte('#102030'), new MeshStandardMaterial({ color: '#102030', roughness: 0.15 }))
    const b = file(matte('#102030'), matte('#102031'))
    // Names and ids are not the look.
    b.meshes[0].material = Object.assign(matte('#102030'), { name: 'another-name' })
    shareMaterials(a.root)
    shareMaterials(b.root)
    expect(b.meshes[0].material).toBe(a.meshes[0].material)
    expect(a.meshes[1].material).not.toBe(a.meshes[0].material)
    expect(b.meshes[1].material).not.toBe(a.meshes[0].material)
  })

  it('keeps textures apart, but not the reflection map the scene lends later', () => {
    const withMap = (map: Texture) => Object.assign(matte('#203040'), { map })
    const map = new Texture()
    const a = file(withMap(map), Object.assign(matte('#203041'), { envMap: new Texture() }))
    const b = file(withMap(new Texture()), matte('#203041'))
    const c = file(withMap(map))
    for (const { root } of [a, b, c]) shareMaterials(root)
    expect(b.meshes[0].material).not.toBe(a.meshes[0].material)
    expect(c.meshes[0].material).toBe(a.meshes[0].material)
    expect(b.meshes[1].material).toBe(a.meshes[1].material)
  })

  it("shares the model builder's roughness-metalness palettes between files by the texels their name lists", () => {
    const palette = (name: string) => Object.assign(new Texture(), { name, channel: 1 })
    const reflective = (name: string) => {
      const map = palette(name)
      return new MeshStandardMaterial({ color: '#304050', roughnessMap: map, metalnessMap: map.clone() })
    }
    const office = file(reflective('palette 0.15/0.3,0.4/0.7'))
    const factory = file(reflective('palette 0.15/0.3,0.4/0.7'))
    const bench = file(reflective('palette 0.45/0.6,0.2/0.6'))
    const surface = file(Object.assign(matte('#304051'), { map: palette('wood') }))
    const surfaceAgain = file(Object.assign(matte('#304051'), { map: palette('wood') }))
    for (const f of [office, factory, bench, surface, surfaceAgain]) shareMaterials(f.root)
    expect(factory.meshes[0].material).toBe(office.meshes[0].material)
    expect(bench.meshes[0].material).not.toBe(office.meshes[0].material)
    // Any other texture stays its own object, whatever its name.
    expect(surfaceAgain.meshes[0].material).not.toBe(surface.meshes[0].material)
  })

  it('tells the material types apart and gives a skinned mesh its own object', () => {
    expect(materialLook(new MeshBasicMaterial({ color: '#304050' }))).not.toBe(
      materialLook(new MeshStandardMaterial({ color: '#304050' })),
    )
    const plain = file(matte('#304050'))
    const skinnedRoot = new Group()
    const skinned = new SkinnedMesh(new BoxGeometry(), matte('#304050'))
    skinned.bind(new Skeleton([]))
    skinnedRoot.add(skinned)
    const otherSkinned = new SkinnedMesh(new BoxGeometry(), matte('#304050'))
    const otherRoot = new Group().add(otherSkinned)
    for (const root of [plain.root, skinnedRoot, otherRoot]) shareMaterials(root)
    expect(skinned.material).not.toBe(plain.meshes[0].material)
    expect(otherSkinned.material).toBe(skinned.material)
  })

  it('gives instanced draws one copy per look, apart from the plain draws of that look', () => {
    const a = file(matte('#405060'))
    shareMaterials(a.root)
    const shared = a.meshes[0].material as MeshStandardMaterial
    const copy = instancedMaterial(shared)
    expect(copy).not.toBe(shared)
    expect(instancedMaterial(shared)).toBe(copy)
    expect(materialLook(copy)).toBe(materialLook(shared))
  })
})
