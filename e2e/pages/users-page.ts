import { expect, type Page } from '@playwright/test';
import type { Role } from '../../lib/auth/roles';

export type NewUser = { name: string; email: string; role: Role; password: string };

export class UsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/users');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  }

  /** Fills the create-user form without submitting it. */
  async fillCreateForm(user: NewUser) {
    await this.page.getByLabel('Name', { exact: true }).fill(user.name);
    await this.page.getByLabel('Email', { exact: true }).fill(user.email);
    await this.page.getByLabel('Role', { exact: true }).selectOption(user.role);
    await this.page.getByLabel('Password', { exact: true }).fill(user.password);
  }

  get createButton() {
    return this.page.getByRole('button', { name: 'Create user' });
  }

  async createUser(user: NewUser) {
    await this.fillCreateForm(user);
    await this.createButton.click();
    await expect(this.page.getByRole('status').filter({ hasText: `Created ${user.name}` })).toBeVisible();
  }

  row(email: string) {
    return this.page.getByRole('row').filter({ hasText: email });
  }

  async setDisabled(email: string, disabled: boolean) {
    const row = this.row(email);
    await row.getByRole('button', { name: disabled ? 'Disable' : 'Enable' }).click();
    await expect(row.getByRole('status')).toContainText(disabled ? 'is disabled' : 'is enabled');
  }

  /** Resets a user's password to a generated one and returns it, as the dialog shows it once. */
  async resetPassword(email: string): Promise<string> {
    await this.row(email).getByRole('button', { name: 'Reset password' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Set new password' }).click();
    const revealed = this.page.getByRole('dialog', { name: /New password for/ });
    const password = await revealed.getByLabel('Password').inputValue();
    await revealed.getByRole('button', { name: 'Done' }).click();
    return password;
  }

  async unlock(email: string) {
    const row = this.row(email);
    await row.getByRole('button', { name: 'Unlock' }).click();
    await expect(row.getByRole('status')).toContainText('can sign in again');
  }
}
