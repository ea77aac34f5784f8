// Types for pngjs's synchronous reader and writer, the only parts the asset steps call.
declare module 'pngjs' {
  /** RGBA rows from the top. */
  export interface PNGImage {
    width: number
    height: number
    data: Uint8Array
  }
  export const PNG: {
    sync: {
      read(buffer: Buffer): PNGImage
      write(
        png: { width: number; height: number; data: Uint8Array },
        options?: { colorType?: number },
      ): Buffer
    }
  }
}
