// Watches the MQTT byte stream of one WebSocket and says when a packet announces more than the limit.
// mqtt-packet buffers a packet until all of it has arrived, however many WebSocket frames it is split
// across, so one packet announcing 256 MB and trickled in small frames grew the server by hundreds of
// MB. The guard reads only the fixed header (type byte and the 1–4 byte remaining length) and skips the
// body, so it holds no data; the connection is closed as soon as a header announces too much, before
// the parser has buffered more than one WebSocket message of it.
export class MqttFrameGuard {
  /** Bytes of the current packet's body still to skip. */
  private skip = 0
  /** 0: expecting a type byte; 1–4: reading the remaining length, byte n. */
  private lengthByte = 0
  private length = 0
  private multiplier = 1

  constructor(private readonly maxPacketBytes: number) {}

  /** Feeds the next chunk; returns a reason to close the connection, or null while all is well. */
  feed(chunk: Uint8Array): string | null {
    let i = 0
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i)
        this.skip -= n
        i += n
        continue
      }
      const byte = chunk[i++]
      if (this.lengthByte === 0) {
        // The type byte; the remaining length follows.
        this.lengthByte = 1
        this.length = 0
        this.multiplier = 1
        continue
      }
      this.length += (byte & 0x7f) * this.multiplier
      this.multiplier *= 128
      if (byte & 0x80) {
        if (this.lengthByte === 4) return 'malformed remaining length'
        this.lengthByte++
        continue
      }
      if (this.length + 1 + this.lengthByte > this.maxPacketBytes)
        return `packet of ${this.length} bytes over the ${this.maxPacketBytes}-byte limit`
      this.lengthByte = 0
      this.skip = this.length
    }
    return null
  }
}
