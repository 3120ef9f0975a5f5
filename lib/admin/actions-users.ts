"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction } from "./admin-action";
import { purgeSchema, roleSchema, userIdSchema } from "./schemas";
import {
  deactivateUser,
  markVerified,
  purgeUser,
  reactivateUser,
  resendVerification,
  restoreUser,
  setUserRole,
  softDeleteUser,
  unlockUser,
} from "./user-actions";

// Every export here is made by adminAction(): session check first (visitor → sign in,
// non-admin → 403), then the plain function, which checks the role in the database again.
// lib/admin/actions-guard.int.test.ts fails if an export is not.

const refresh = ({ userId }: { userId: string }) => {
  revalidatePath(`/admin/users/${userId}`);
  revalidatePath("/admin/users");
};

export const unlockUserAction = adminAction(userIdSchema, unlockUser, refresh);
export const markVerifiedAction = adminAction(userIdSchema, markVerified, refresh);
export const resendVerificationAction = adminAction(userIdSchema, resendVerification, refresh);
export const deactivateUserAction = adminAction(userIdSchema, deactivateUser, refresh);
export const reactivateUserAction = adminAction(userIdSchema, reactivateUser, refresh);
export const softDeleteUserAction = adminAction(userIdSchema, softDeleteUser, refresh);
export const restoreUserAction = adminAction(userIdSchema, restoreUser, refresh);
export const setUserRoleAction = adminAction(roleSchema, setUserRole, refresh);
export const purgeUserAction = adminAction(purgeSchema, purgeUser, () => {
  revalidatePath("/admin/users");
  redirect("/admin/users?purged=1");
});
