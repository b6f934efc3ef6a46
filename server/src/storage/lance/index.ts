export { openLanceStorage, type LanceStorage, type LanceStorageOptions } from "./storage.js";
export { InvalidPatternError } from "./errors.js";
export { compileFilter } from "./sql.js";
