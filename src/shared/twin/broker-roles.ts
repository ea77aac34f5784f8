// Who may do what on the twin's broker (enforced by the server, see src/server/twin/broker-access.ts;
// the same roles for an external EMQX or Mosquitto are in docs/security.md):
// - viewer (no username): subscribe to one park's topics, never publish;
// - operator (username OPERATOR_USERNAME, password the operator code): a viewer that may send commands;
// - device (the configured device username and password): publishes telemetry, batches and acks.
export type TwinRole = 'viewer' | 'operator' | 'device'

/** The MQTT username an operator logs in with; the password is the operator code. */
export const OPERATOR_USERNAME = 'operator'

/** The HTTP header that carries the operator code (inspection reports). Never a URL parameter. */
export const OPERATOR_CODE_HEADER = 'x-operator-code'

/** Largest MQTT packet the server's broker accepts, in bytes (a 1000-sensor batch is about 7 KB). */
export const MAX_MQTT_PACKET_BYTES = 64 * 1024
