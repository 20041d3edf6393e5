import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from './api-types.js';

const SessionContext = createContext<Me | null>(null);

/** Makes the logged-in caller (GET /api/v1/auth/me) known to every page below. */
export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The logged-in caller; null outside a session (the login page). */
export function useMe(): Me | null {
  return useContext(SessionContext);
}
