"use server";

import { townAction } from "@/lib/actions/pipeline";
import { ADMIN_ROLES } from "@/lib/auth/guard";
import { InvalidInput } from "@/lib/errors";
import type { FormState } from "@/lib/forms/state";
import { addArea, removeArea, renameArea } from "@/lib/areas/admin";
import { findPostcode, normalisePostcode } from "@/lib/areas/postcodes";
import { areaFromMapSchema, areaFromPostcodeSchema, renameAreaSchema } from "@/lib/areas/schemas";

/** An entry of the town's country's postcode list: its coordinates are looked up here, never taken from the form. */
export async function addAreaFromPostcodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: areaFromPostcodeSchema }, async ({ tenant, actor }, input) => {
    const entry = findPostcode(tenant.country, input.postcode, input.place);
    if (!entry) throw new InvalidInput({ postcode: "unknownPostcode" });
    await addArea(tenant, actor.userId, { name: input.name ?? entry.place, postcode: entry.postcode, latitude: entry.latitude, longitude: entry.longitude }, "postcodes");
    return { state: { values: { added: entry.place } } };
  });
}

/** A point chosen on the map picker, with the name and postcode the admin gives it. */
export async function addAreaFromMapAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, input: areaFromMapSchema }, async ({ tenant, actor }, input) => {
    await addArea(tenant, actor.userId, { ...input, postcode: normalisePostcode(tenant.country, input.postcode) }, "map");
    return { state: { values: { added: input.name } } };
  });
}

export async function renameAreaAction(areaId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: areaId, input: renameAreaSchema }, async ({ tenant, actor, id }, input) => {
    await renameArea(tenant, actor.userId, id, input.name);
    return { state: { values: { saved: "1" } } };
  });
}

export async function removeAreaAction(areaId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return townAction(formData, { who: ADMIN_ROLES, id: areaId }, async ({ tenant, actor, id }) => {
    await removeArea(tenant, actor.userId, id);
  });
}
