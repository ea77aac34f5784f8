// troika-three-text ships no types; we use only its global text-builder configuration.
declare module 'troika-three-text' {
  export function configureTextBuilder(config: {
    defaultFontURL?: string | null
    unicodeFontsURL?: string | null
    sdfGlyphSize?: number
    useWorker?: boolean
  }): void
}
