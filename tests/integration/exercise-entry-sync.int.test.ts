import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCORED_SUBSCALE_IDS } from '../../core/assessment/closeness-check.definition';
import { mergeEntryValues } from '../../core/exercise-entries/entry-merge';
import type { EntryValues } from '../../core/exercise-entries/entry-values';
import {
  exerciseById,
  MODALITIES,
  type Exercise,
  type ExerciseStep,
} from '../../core/exercises/catalogue';
import { exerciseVersions, type ExerciseVersions } from '../../core/exercises/catalogue.versions';
import { ExerciseEntryRepository } from '../../server/src/repositories/exercise-entry.repository';
import { PersonKeyRepository } from '../../server/src/repositories/person-key.repository';
import { KeyService } from '../../server/src/services/crypto/key.service';
import { ExerciseService } from '../../server/src/services/exercise.service';
import { EncryptedTextVault } from '../../server/src/services/privacy/encrypted-text-vault';
import { TestClient } from '../support/http-client';
import { signUpWithConsent } from '../support/personal-data';
import { createTestApp, dbAvailable, type TestApp } from '../support/test-app';

/**
 * Exercise entries on two devices and across versions of an exercise, on both databases:
 * revisions counted on every save; a save based on an older revision refused with 409
 * `entry_changed_elsewhere` and the stored entry, so nothing saved is lost; entries record the
 * version they were made with and are checked against it, so a renamed field in a later
 * version never refuses or drops an older entry's words; an unknown version is a clear 409.
 */

const BASE = '/api/exercises';
const PATH = `${BASE}/thought-record/entries`;

describe.skipIf(!dbAvailable)('exercise entries on two devices and across versions', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  /** One person signed in on two devices (two sessions). */
  const twoDevices = async () => {
    const phone = new TestClient(testApp.app);
    const person = await signUpWithConsent(phone);
    const laptop = new TestClient(testApp.app);
    const login = await laptop.post('/api/auth/login', {
      login: person.login,
      password: person.password,
    });
    expect(login.status, login.text).toBe(200);
    return { phone, laptop, userId: person.user.id };
  };

  describe('revisions', () => {
    it('starts at revision 1 and version 1, and counts every save', async () => {
      const { phone } = await twoDevices();
      const created = await phone.post(PATH, { values: { situation: { situation: 'At work' } } });
      expect(created.status).toBe(201);
      expect(created.body.entry).toMatchObject({ revision: 1, exerciseVersion: 1 });
      const path = `${PATH}/${created.body.entry.id}`;
      const saved = await phone.put(path, {
        values: { situation: { situation: 'At work, late' } },
        baseRevision: 1,
      });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body.entry.revision).toBe(2);
      const done = await phone.post(`${path}/complete`, { baseRevision: 2, helpful: 6 });
      expect(done.status, done.text).toBe(200);
      expect(done.body.entry).toMatchObject({ revision: 3, status: 'completed' });
      expect((await phone.get(path)).body.entry.revision).toBe(3);
    });

    it('completing again without ratings keeps how it felt; new ratings replace it', async () => {
      const { phone } = await twoDevices();
      const created = await phone.post(PATH, { values: { situation: { situation: 'At home' } } });
      const path = `${PATH}/${created.body.entry.id}`;
      const done = await phone.post(`${path}/complete`, { distress: 3, helpful: 9 });
      expect(done.status, done.text).toBe(200);
      expect(done.body.entry.feeling).toEqual({ distress: 3, helpful: 9 });
      const again = await phone.post(`${path}/complete`, {
        values: { situation: { situation: 'At home, after dinner' } },
      });
      expect(again.status, again.text).toBe(200);
      expect(again.body.entry.feeling).toEqual({ distress: 3, helpful: 9 });
      expect((await phone.get(path)).body.entry.feeling).toEqual({ distress: 3, helpful: 9 });
      const rerated = await phone.post(`${path}/complete`, { helpful: 4 });
      expect(rerated.body.entry.feeling).toEqual({ distress: null, helpful: 4 });
    });

    it('refuses a save based on an older revision with the stored entry, and saves nothing', async () => {
      const { phone, laptop } = await twoDevices();
      const created = await phone.post(PATH, {
        values: { situation: { situation: 'At the party' } },
      });
      const path = `${PATH}/${created.body.entry.id}`;
      // Both devices have revision 1. The laptop saves first.
      const laptopValues = {
        situation: { situation: 'At the party, in the kitchen' },
        thought: { thought: 'Nobody wants me here' },
      };
      const first = await laptop.put(path, { values: laptopValues, baseRevision: 1 });
      expect(first.status, first.text).toBe(200);
      expect(first.body.entry.revision).toBe(2);

      // The phone, still on revision 1, changes the same field.
      const phoneValues = { situation: { situation: 'At Sam’s party, by the door' } };
      const stale = await phone.put(path, { values: phoneValues, baseRevision: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('entry_changed_elsewhere');
      expect(stale.body.error.message).toEqual(expect.any(String));
      expect(stale.body.error.details.entry).toMatchObject({
        id: created.body.entry.id,
        revision: 2,
        exerciseVersion: 1,
        values: laptopValues,
      });
      // Nothing the laptop saved was lost.
      expect((await phone.get(path)).body.entry).toMatchObject({
        revision: 2,
        values: laptopValues,
      });

      // The phone merges with what it was given and saves on the new revision: both kept.
      const merge = mergeEntryValues(
        { situation: { situation: 'At the party' } },
        phoneValues,
        stale.body.error.details.entry.values,
      );
      expect(merge.conflicts.map((conflict) => conflict.field)).toEqual(['situation']);
      const chosen: EntryValues = {
        ...merge.values,
        situation: {
          situation: `${phoneValues.situation.situation}\n\nAt the party, in the kitchen`,
        },
      };
      const again = await phone.put(path, { values: chosen, baseRevision: 2 });
      expect(again.status, again.text).toBe(200);
      expect(again.body.entry).toMatchObject({ revision: 3, values: chosen });
      expect(chosen.thought?.thought).toBe('Nobody wants me here');
    });

    it('refuses to finish from an older revision, with or without values', async () => {
      const { phone, laptop } = await twoDevices();
      const created = await phone.post(PATH, { values: { thought: { thought: 'I am dull' } } });
      const path = `${PATH}/${created.body.entry.id}`;
      const newer = { thought: { thought: 'I am dull, they said nothing' } };
      expect((await laptop.put(path, { values: newer, baseRevision: 1 })).status).toBe(200);
      for (const body of [
        { baseRevision: 1, helpful: 5 },
        { baseRevision: 1, values: { thought: { thought: 'Mine' } } },
      ]) {
        const stale = await phone.post(`${path}/complete`, body);
        expect(stale.status).toBe(409);
        expect(stale.body.error.code).toBe('entry_changed_elsewhere');
        expect(stale.body.error.details.entry.values).toEqual(newer);
      }
      expect((await phone.get(path)).body.entry).toMatchObject({
        status: 'draft',
        revision: 2,
        values: newer,
      });
    });

    it('lets two saves on the same revision at the same moment store exactly one', async () => {
      const { phone, laptop } = await twoDevices();
      const created = await phone.post(PATH, { values: {} });
      const path = `${PATH}/${created.body.entry.id}`;
      const [a, b] = await Promise.all([
        phone.put(path, { values: { situation: { situation: 'Phone' } }, baseRevision: 1 }),
        laptop.put(path, { values: { situation: { situation: 'Laptop' } }, baseRevision: 1 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const loser = a.status === 200 ? b : a;
      expect(loser.body.error.details.entry.values).toEqual(winner.body.entry.values);
      expect((await phone.get(path)).body.entry).toMatchObject({
        revision: 2,
        values: winner.body.entry.values,
      });
    });

    it('without a base revision, saves at the same moment all land, the latest on top', async () => {
      const { phone, laptop } = await twoDevices();
      const created = await phone.post(PATH, { values: {} });
      const path = `${PATH}/${created.body.entry.id}`;
      const saves = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          (index % 2 ? phone : laptop).put(path, {
            values: { situation: { situation: `Save ${index}` } },
          }),
        ),
      );
      expect(saves.map((save) => save.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const stored = (await phone.get(path)).body.entry;
      // Every save counted; the one stored is one of them, whole.
      expect(stored.revision).toBe(7);
      expect(saves.map((save) => JSON.stringify(save.body.entry.values))).toContain(
        JSON.stringify(stored.values),
      );
    });

    it('still saves without a base revision (older app versions), counting on', async () => {
      const { phone } = await twoDevices();
      const created = await phone.post(PATH, { values: {} });
      const path = `${PATH}/${created.body.entry.id}`;
      const saved = await phone.put(path, { values: { situation: { situation: 'Plain' } } });
      expect(saved.status).toBe(200);
      expect(saved.body.entry.revision).toBe(2);
      const bad = await phone.put(path, { values: {}, baseRevision: 0 });
      expect(bad.status).toBe(400);
    });
  });

  describe('the API document', () => {
    it('names modalities and targets as enums, and documents version, revision and baseRevision', async () => {
      const document = (await new TestClient(testApp.app).get('/api/openapi.json')).body;
      const list =
        document.paths['/api/exercises'].get.responses['200'].content['application/json'].schema
          .items;
      const modality = list.properties.modality;
      const modalities = modality.enum ?? modality.anyOf?.map((item: any) => item.const);
      expect(modalities).toEqual([...MODALITIES]);
      const target = list.properties.targets.items;
      const targets = target.enum ?? target.anyOf?.map((item: any) => item.const);
      expect(targets).toEqual([...SCORED_SUBSCALE_IDS]);

      const put = document.paths['/api/exercises/{exerciseId}/entries/{id}'].put;
      const body = put.requestBody.content['application/json'].schema;
      expect(body.properties.baseRevision).toMatchObject({ type: 'integer', minimum: 1 });
      expect(body.properties.baseRevision.description).toContain('entry_changed_elsewhere');
      expect(put.responses['409']).toBeDefined();
      const entry =
        put.responses['200'].content['application/json'].schema.properties.entry.properties;
      expect(entry.revision.type).toBe('integer');
      expect(entry.exerciseVersion.type).toBe('integer');
      const complete = document.paths['/api/exercises/{exerciseId}/entries/{id}/complete'].post;
      expect(
        complete.requestBody.content['application/json'].schema.properties.baseRevision,
      ).toBeDefined();
    });
  });

  describe('versions', () => {
    /** Version 2 of the thought record in a test library: the situation field renamed. */
    function libraryWithVersion2(): ExerciseVersions {
      const v1 = exerciseById('thought-record');
      const steps: ExerciseStep[] = v1.steps.map((step) =>
        step.id === 'situation'
          ? {
              ...step,
              fields: step.fields.map((field) =>
                field.id === 'situation' ? { ...field, id: 'what-happened' } : field,
              ),
            }
          : step,
      );
      const v2: Exercise = { ...v1, version: 2, steps, keepInView: [] };
      return exerciseVersions((id) => (id === 'thought-record' ? v2 : exerciseById(id)), {
        'thought-record': [{ version: 1, steps: v1.steps, keepInView: v1.keepInView }],
      });
    }

    /** The service as the app builds it, on the same database and keys, with another library. */
    function serviceWith(versions: ExerciseVersions): ExerciseService {
      const keys = new KeyService(
        new PersonKeyRepository(testApp.keyStore.db, () => testApp.clock.now().toISOString()),
        testApp.keyRing,
      );
      return new ExerciseService(
        new ExerciseEntryRepository(testApp.database),
        new EncryptedTextVault(keys),
        testApp.app.services.policy,
        testApp.clock,
        () => undefined,
        undefined,
        versions,
      );
    }

    it('checks an old entry against its own version: saved, completed and exported whole', async () => {
      const { phone, userId } = await twoDevices();
      const oldValues = { situation: { situation: 'At the station, alone' } };
      const created = await phone.post(PATH, { values: oldValues });
      expect(created.body.entry.exerciseVersion).toBe(1);
      const id = created.body.entry.id as string;

      const service = serviceWith(libraryWithVersion2());
      const actor = { userId };
      // The old entry keeps its version and its field, and saves with it.
      const more = { ...oldValues, thought: { thought: 'Nobody is coming' } };
      const saved = await service.update(actor, 'thought-record', id, more, 'GB', 1);
      expect(saved.entry).toMatchObject({ exerciseVersion: 1, revision: 2, values: more });
      // The new version's name is not a field of the old entry.
      await expect(
        service.update(actor, 'thought-record', id, { situation: { 'what-happened': 'x' } }, 'GB'),
      ).rejects.toMatchObject({ code: 'invalid_exercise_values' });
      const done = await service.complete(
        actor,
        'thought-record',
        id,
        { baseRevision: 2, helpful: 7 },
        'GB',
      );
      expect(done.entry).toMatchObject({ status: 'completed', values: more, exerciseVersion: 1 });
      // Read back and exported whole, with its version.
      const all = await service.all(actor);
      expect(all.find((entry) => entry.id === id)).toMatchObject({
        exerciseVersion: 1,
        values: more,
      });
      expect((await phone.get(`${PATH}/${id}`)).body.entry.values).toEqual(more);

      // A new entry is made with version 2 and checked against it.
      const fresh = await service.create(
        actor,
        'thought-record',
        { situation: { 'what-happened': 'On the bus' } },
        'GB',
      );
      expect(fresh.entry).toMatchObject({ exerciseVersion: 2, revision: 1 });
      await expect(
        service.update(actor, 'thought-record', fresh.entry.id, oldValues, 'GB', 1),
      ).rejects.toMatchObject({ code: 'invalid_exercise_values' });
    });

    it('answers an entry of a version this server does not know with a clear 409, and still shows it', async () => {
      const { phone } = await twoDevices();
      const values = { situation: { situation: 'Written with a newer Closer' } };
      const created = await phone.post(PATH, { values });
      const id = created.body.entry.id as string;
      await testApp.database.db
        .updateTable('exercise_entries')
        .set({ exercise_version: 9 })
        .where('id', '=', id)
        .execute();
      const path = `${PATH}/${id}`;
      const read = await phone.get(path);
      expect(read.status).toBe(200);
      expect(read.body.entry).toMatchObject({ exerciseVersion: 9, values });
      for (const response of [
        await phone.put(path, { values, baseRevision: 1 }),
        await phone.post(`${path}/complete`, { helpful: 3 }),
      ]) {
        expect(response.status, response.text).toBe(409);
        expect(response.body.error.code).toBe('exercise_version_unknown');
        expect(response.body.error.message).toEqual(expect.any(String));
      }
      expect((await phone.get(path)).body.entry).toMatchObject({ revision: 1, values });
    });

    it('counts entries saved before versions existed as version 1, revision 1', async () => {
      const { phone, userId } = await twoDevices();
      const id = `before-versions-${userId.slice(0, 8)}`;
      // A row written as the app wrote them before this migration: no version, no revision.
      await sql`
        insert into exercise_entries
          (id, user_id, exercise_id, status, values_ciphertext, created_at, updated_at)
        values (${id}, ${userId}, 'thought-record', 'draft', 'sealed-before', ${testApp.clock
          .now()
          .toISOString()}, ${testApp.clock.now().toISOString()})`.execute(testApp.database.db);
      const read = await phone.get(`${PATH}/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.entry).toMatchObject({ exerciseVersion: 1, revision: 1 });
    });
  });
});
