// Parses a built model with three's own GLTFLoader in Node, as the app loads it (meshopt included), for
// tests about shapes, nodes and materials. Node has no image decoder and no GPU to transcode KTX2 for, so
// every texture is an empty placeholder (the browser tests see the real ones): the plugin takes the
// KHR_texture_basisu name, which replaces the loader's own handler, asked before any other.
import { Texture } from 'three'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { type GLTF, GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'

export async function parseModelInNode(bytes: Uint8Array): Promise<GLTF> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  return new GLTFLoader()
    .setMeshoptDecoder(MeshoptDecoder)
    .register(() => ({ name: 'KHR_texture_basisu', loadTexture: async () => new Texture() }))
    .parseAsync(buffer, '')
}
