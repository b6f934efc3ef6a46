/** Versions this server reports: its own package's, and the upstream API version it implements. */
import { readFileSync } from "node:fs";

/** @chromaspec/server's version (package.json next to dist/ and src/). */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The upstream server version whose API we implement (what /version answers). */
export const API_VERSION = "1.0.0";
