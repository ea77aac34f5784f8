// Colyseus's own WebSocket transport, fed by our one upgrade router instead of listening on a server of
// its own: the module's handleUpgrade hands matching sockets to it (modules must not add 'upgrade' listeners).
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketTransport } from '@colyseus/ws-transport'
import { WebSocket } from 'ws'

// @colyseus/core 0.17 checks `client.readyState !== WebSocket.OPEN` when a member reconnects, using the
// global WebSocket that Node only has from v22. On Node 20 give it the `ws` class the transport already uses.
if (typeof globalThis.WebSocket === 'undefined') {
  ;(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket
}

export class SharedPortTransport extends WebSocketTransport {
  private heartbeatStarted = false

  constructor() {
    // noServer: no http.Server of its own; 8 KiB leaves room for the largest annotation stroke.
    super({ noServer: true, maxPayload: 8 * 1024, pingInterval: 3000, pingMaxRetries: 3 })
  }

  /** Completes a WebSocket upgrade the server router has decided belongs to Colyseus. */
  claimUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.heartbeatStarted) {
      // The base class starts dead-connection pings on its own server's 'listening'; we have none.
      this.heartbeatStarted = true
      this.autoTerminateUnresponsiveClients(this.pingIntervalMS, this.pingMaxRetries)
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req))
  }

  shutdown(): void {
    clearInterval(this.pingInterval)
    for (const ws of this.wss.clients) ws.terminate()
    super.shutdown()
  }
}
