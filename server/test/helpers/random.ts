/** mulberry32: a small, fast, seedable PRNG, so data sets and failures reproduce run after run (the server's own, src/util/random.ts). */
export { mulberry32 } from "../../src/util/random.js";
