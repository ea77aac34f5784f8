// qrcode-terminal ships no types; we only print a QR code of the LAN URL at server start.
declare module 'qrcode-terminal' {
  const qrcode: {
    generate(text: string, options?: { small?: boolean }, callback?: (qr: string) => void): void
  }
  export default qrcode
}
