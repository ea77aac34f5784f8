// A small prefiltered (PMREM) reflection cube, in the layout three's lit materials sample: mip level
// `lod` holds the scene's radiance blurred by the GGX lobe of the roughness that level stands for.
// Three's own PMREMGenerator works at 256 texels a face at least, with a pre-blur, 256 samples a
// texel and a brute-force integration for the rough levels: about 60 million texture reads, which
// took 2.3–2.7 s of GPU at every scene load under software GL (a frame's hitch on a headset). Our
// sources are a gradient sky with a sun disc or three's RoomEnvironment, which a 128-texel face and 64
// importance samples (each read from the source mip that matches its solid angle) show as well.
import {
  BackSide,
  BoxGeometry,
  CubeCamera,
  HalfFloatType,
  LinearMipmapLinearFilter,
  LinearSRGBColorSpace,
  Mesh,
  NoBlending,
  type Scene,
  ShaderChunk,
  ShaderMaterial,
  WebGLCubeRenderTarget,
  type WebGLRenderer,
} from 'three'

/**
 * Face size of level 0, and of the roughest level, which three reads the diffuse light from: 8 texels,
 * as three's own generator ends (a smaller face cannot hold it).
 */
export const PMREM_SIZE = 128
const ROUGHEST_FACE = 8
const SAMPLES = 64

/** Levels after the first: log2(128 / 8) = 4, five levels of 128, 64, 32, 16 and 8 texels. */
export const PMREM_MAX_LOD = Math.log2(PMREM_SIZE / ROUGHEST_FACE)

/** The roughness level `lod` is filtered for: the inverse of three's `roughnessToMip` (maxLod · r · (2 − r)). */
export function levelRoughness(lod: number): number {
  return 1 - Math.sqrt(1 - lod / PMREM_MAX_LOD)
}

/**
 * Renders `scene` into a cube from the origin and prefilters it. The caller owns the returned target
 * (dispose it, not only its texture). `scene.background` should cover every direction.
 */
export function prefilteredCube(gl: WebGLRenderer, scene: Scene): WebGLCubeRenderTarget {
  const source = new WebGLCubeRenderTarget(PMREM_SIZE, {
    type: HalfFloatType,
    colorSpace: LinearSRGBColorSpace,
    generateMipmaps: true,
    minFilter: LinearMipmapLinearFilter,
  })
  const target = new WebGLCubeRenderTarget(PMREM_SIZE, {
    type: HalfFloatType,
    colorSpace: LinearSRGBColorSpace,
    generateMipmaps: false,
    minFilter: LinearMipmapLinearFilter,
    depthBuffer: false,
  })
  const faces = Array.from({ length: PMREM_MAX_LOD + 1 }, (_, lod) => PMREM_SIZE >> lod)
  // Three allocates a render target's levels from these entries and reads the level count from
  // them when it builds a material's shader (ENVMAP_MAX_LOD).
  for (const size of faces) target.texture.mipmaps.push({ width: size, height: size } as never)
  target.texture.name = 'PMREM'
  target.texture.isPMREMTexture = true

  const autoClear = gl.autoClear
  gl.autoClear = true
  const camera = new CubeCamera(0.1, 100, source)
  camera.update(gl, scene)

  const filter = ggxFilter(source)
  const box = new Mesh(new BoxGeometry(5, 5, 5), filter)
  camera.renderTarget = target
  faces.forEach((size, lod) => {
    filter.uniforms.roughness.value = levelRoughness(lod)
    camera.activeMipmapLevel = lod
    // The renderer uses the target's viewport as given, not scaled to the level.
    target.viewport.set(0, 0, size, size)
    camera.update(gl, box)
  })
  target.viewport.set(0, 0, PMREM_SIZE, PMREM_SIZE)
  gl.autoClear = autoClear

  box.geometry.dispose()
  filter.dispose()
  source.dispose()
  return target
}

/**
 * Split-sum prefiltering with the view along the normal: GGX-distributed half vectors from a
 * Hammersley set, each reflected sample read from the source level whose texel covers about the
 * sample's solid angle (so few samples do not alias).
 */
function ggxFilter(source: WebGLCubeRenderTarget): ShaderMaterial {
  return new ShaderMaterial({
    name: 'small-pmrem-ggx',
    uniforms: {
      envMap: { value: source.texture },
      roughness: { value: 0 },
    },
    vertexShader: ShaderChunk.cube_vert,
    fragmentShader: /* glsl */ `
      #define SAMPLES ${SAMPLES}
      #define SOURCE_SIZE ${PMREM_SIZE}.0
      #define PI 3.141592653589793
      varying vec3 vWorldDirection;
      uniform samplerCube envMap;
      uniform float roughness;

      float radicalInverse(uint bits) {
        bits = (bits << 16u) | (bits >> 16u);
        bits = ((bits & 0x55555555u) << 1u) | ((bits & 0xAAAAAAAAu) >> 1u);
        bits = ((bits & 0x33333333u) << 2u) | ((bits & 0xCCCCCCCCu) >> 2u);
        bits = ((bits & 0x0F0F0F0Fu) << 4u) | ((bits & 0xF0F0F0F0u) >> 4u);
        bits = ((bits & 0x00FF00FFu) << 8u) | ((bits & 0xFF00FF00u) >> 8u);
        return float(bits) * 2.3283064365386963e-10;
      }

      void main() {
        vec3 N = normalize(vWorldDirection);
        if (roughness < 0.001) {
          gl_FragColor = vec4(textureLod(envMap, N, 0.0).rgb, 1.0);
          return;
        }
        float a2 = pow(roughness, 4.0);
        vec3 up = abs(N.z) < 0.999 ? vec3(0.0, 0.0, 1.0) : vec3(1.0, 0.0, 0.0);
        vec3 T = normalize(cross(up, N));
        vec3 B = cross(N, T);
        // Solid angle of one level-0 texel (six faces of SOURCE_SIZE² texels).
        float texelAngle = 4.0 * PI / (6.0 * SOURCE_SIZE * SOURCE_SIZE);
        vec3 sum = vec3(0.0);
        float weight = 0.0;
        for (int i = 0; i < SAMPLES; i++) {
          float u = (float(i) + 0.5) / float(SAMPLES);
          float v = radicalInverse(uint(i));
          float cosH = sqrt((1.0 - u) / (1.0 + (a2 - 1.0) * u));
          float sinH = sqrt(1.0 - cosH * cosH);
          float phi = 2.0 * PI * v;
          vec3 H = T * (sinH * cos(phi)) + B * (sinH * sin(phi)) + N * cosH;
          vec3 L = 2.0 * cosH * H - N;
          float NdotL = dot(N, L);
          if (NdotL <= 0.0) continue;
          // With V = N the sample's density is D(H) / 4.
          float d = cosH * cosH * (a2 - 1.0) + 1.0;
          float pdf = a2 / (PI * d * d) / 4.0;
          float sampleAngle = 1.0 / (float(SAMPLES) * pdf);
          float lod = max(0.5 * log2(sampleAngle / texelAngle) + 1.0, 0.0);
          sum += textureLod(envMap, L, lod).rgb * NdotL;
          weight += NdotL;
        }
        gl_FragColor = vec4(sum / weight, 1.0);
      }
    `,
    side: BackSide,
    blending: NoBlending,
    depthTest: false,
    depthWrite: false,
  })
}
