// Worker-thread entry: the app runs its TypeScript through tsx, which a new thread has to register again.
import { register } from "tsx/esm/api";

register();
await import("./matcher-thread.ts");
