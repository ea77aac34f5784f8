// Types for pngjs's synchronous writer, the only part the texture step calls.
declare module 'pngjs' {
  export const PNG: {
    sync: {
      write(
        png: { width: number; height: number; data: Uint8Array },
        options?: { colorType?: number },
      ): Buffer
    }
  }
}
