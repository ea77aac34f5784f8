// The guidance desk panel's size (m), shared by the panel and the views it shows.
export const W = 1.5
export const H = 0.86
