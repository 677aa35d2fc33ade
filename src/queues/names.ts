/** Queue names, in one place. Keys carry the app's Redis prefix (a Cluster hash tag). */
export const QUEUE = {
  verify: "verify",
  notify: "notify",
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
