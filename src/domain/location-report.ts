/** A location as a chat sent it: where, how precise, and whether it can count as the sender's own position. */
export interface LocationReport {
  lat: number;
  lon: number;
  accuracyM?: number;
  /** A live location, which is stronger evidence than a pin. */
  live: boolean;
  /** Forwarded from someone else: says nothing about where the sender is. */
  forwarded: boolean;
  /** A place picked from the map, not a position. */
  venue: boolean;
  /** Posted through an inline bot (Telegram `via_bot`): any point can be sent that way. */
  viaBot?: boolean;
}
