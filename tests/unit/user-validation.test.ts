import { describe, expect, it } from 'vitest';
import { changeRoleSchema, createUserSchema, setDisabledSchema, signInSchema } from '@/lib/validation/users';
import { fieldErrorsOf } from '@/lib/validation/field-errors';

describe('createUserSchema', () => {
  it('normalises the email to lower case and trims the name', () => {
    const parsed = createUserSchema.parse({
      email: '  Ana@Example.COM ',
      name: '  Ana  ',
      role: 'csm',
      password: 'long enough pw',
    });
    expect(parsed).toMatchObject({ email: 'ana@example.com', name: 'Ana' });
  });

  it('reports every invalid field by name with a readable message', () => {
    const result = createUserSchema.safeParse({ email: 'not-an-email', name: '', role: 'owner', password: 'short' });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.email).toEqual(['Enter a valid email address.']);
    expect(errors.name).toEqual(['Enter a name.']);
    expect(errors.role).toEqual(['Choose a role: admin, lead, csm or exec.']);
    expect(errors.password).toEqual(['Use at least 10 characters.']);
  });

  it('rejects missing fields with the same messages as empty ones', () => {
    const errors = fieldErrorsOf(createUserSchema.safeParse({}).error!);
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password', 'role']);
  });
});

describe('user update schemas', () => {
  it('coerces form strings for ids, versions and the disabled flag', () => {
    expect(changeRoleSchema.parse({ userId: '4', role: 'exec', version: '2' })).toEqual({
      userId: 4,
      role: 'exec',
      version: 2,
    });
    expect(setDisabledSchema.parse({ userId: '4', disabled: 'true', version: '1' })).toEqual({
      userId: 4,
      disabled: true,
      version: 1,
    });
    expect(setDisabledSchema.parse({ userId: 4, disabled: false, version: 1 }).disabled).toBe(false);
  });

  it('refuses non-positive ids and unknown roles', () => {
    expect(changeRoleSchema.safeParse({ userId: '0', role: 'csm', version: 1 }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ userId: 'abc', role: 'csm', version: 1 }).success).toBe(false);
    expect(changeRoleSchema.safeParse({ userId: 1, role: 'root', version: 1 }).success).toBe(false);
  });
});

describe('signInSchema', () => {
  it('requires an email and a password', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
    expect(signInSchema.parse({ email: 'A@B.co', password: 'x' }).email).toBe('a@b.co');
  });
});
