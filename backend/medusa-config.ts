import { defineConfig, loadEnv } from "@medusajs/framework/utils";
import {
  cachingModules,
  notificationProvider,
  paymentModules,
  readRuntimeConfig,
  redisModules,
} from "./src/lib/runtime-config";

loadEnv(process.env.NODE_ENV || "development", process.cwd());

const config = readRuntimeConfig(process.env, process.argv[2]);

module.exports = defineConfig({
  featureFlags: { caching: config.caching },
  projectConfig: {
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    workerMode: config.workerMode,
    // Medusa marks the admin's session cookie Secure in production, and express-session then
    // never sets it over plain HTTP: the embedded demo on http://localhost could not log in.
    ...(config.demo ? { cookieOptions: { secure: false, sameSite: "lax" as const } } : {}),
    http: {
      storeCors: config.storeCors,
      adminCors: config.adminCors,
      authCors: config.authCors,
      jwtSecret: config.jwtSecret,
      cookieSecret: config.cookieSecret,
    },
  },
  admin: {
    disable: config.disableAdmin,
    backendUrl: config.backendUrl,
  },
  modules: [
    { resolve: "./src/modules/production" },
    { resolve: "./src/modules/checkout-intake" },
    {
      resolve: "@medusajs/medusa/notification",
      options: { providers: [notificationProvider(config)] },
    },
    { resolve: "./src/modules/fulfilment-export" },
    { resolve: "./src/modules/retailer" },
    ...paymentModules(config),
    ...redisModules(config.redisUrl),
    ...cachingModules(config),
  ],
});
