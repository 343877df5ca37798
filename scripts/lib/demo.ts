/** The embedded demo's admin login, shown in the README; never created outside the demo. */
export const DEMO_ADMIN = { email: "admin@camslide.local", password: "camslide-demo" } as const;
