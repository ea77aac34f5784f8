// The guidance desk panel's size (m), shared by the panel and the views it shows. Narrow enough that,
// from where the visitor arrives, it stays between a headset's side panels (about 34° of view).
export const W = 0.76
export const H = 0.76
