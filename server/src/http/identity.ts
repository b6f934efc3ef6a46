/**
 * Who the caller is. Without authentication configured every caller is the anonymous user of
 * default_tenant / default_database, exactly as upstream answers /auth/identity then.
 */
import { DEFAULT_DATABASE, DEFAULT_TENANT } from "../core/chroma.js";

export interface Identity {
  user_id: string;
  tenant: string;
  databases: string[];
}

export function identityOf(_auth: unknown): Identity {
  return { user_id: "", tenant: DEFAULT_TENANT, databases: [DEFAULT_DATABASE] };
}
