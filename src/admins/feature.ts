import { defineFeature } from '../app/feature.js';
import { provided, service } from '../app/services.js';
import { AdminDirectory } from '../surveys/admins.js';

/** KOMBIT's administrators (ADMIN_AAD_OBJECT_IDS and `cli admins add`): who may review, sync, send now. */
export const AdminsService = service<AdminDirectory>('admins');

/** The administrators, for every feature with an administrators-only command. */
export const admins = defineFeature({
  name: 'admins',
  state: async ({ storage, config }) => new AdminDirectory(storage, config.adminIds),
  provides: [AdminsService],
  services: (_context, { state }) => [provided(AdminsService, state)],
});
