// The addresses a headset on the same Wi-Fi can reach this machine at.
import { networkInterfaces } from 'node:os'

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => net!.address)
}
