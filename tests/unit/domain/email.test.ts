import { describe, expect, it } from 'vitest';
import { peopleNotAmongGuests } from '@/lib/domain/email';

describe('peopleNotAmongGuests', () => {
  it("is true when the 1:1's people have addresses and none is a guest's", () => {
    expect(peopleNotAmongGuests(['bob@acme.example'], ['alice@acme.example', 'carol@acme.example'])).toBe(
      true,
    );
  });

  it('is false when one of them is a guest, in any letter case', () => {
    expect(peopleNotAmongGuests(['Bob@Acme.example', 'x@y.example'], ['bob@acme.example'])).toBe(false);
  });

  it('is false for the same Gmail address written another way (dots, googlemail.com)', () => {
    expect(peopleNotAmongGuests(['bob.smith@gmail.com'], ['bobsmith@gmail.com'])).toBe(false);
    expect(peopleNotAmongGuests(['BobSmith@googlemail.com'], ['bob.smith@gmail.com'])).toBe(false);
    // Dots count everywhere else.
    expect(peopleNotAmongGuests(['bob.smith@acme.example'], ['bobsmith@acme.example'])).toBe(true);
  });

  it('is false when nothing can tell: no guests known, or people without addresses', () => {
    expect(peopleNotAmongGuests(['bob@acme.example'], [])).toBe(false);
    expect(peopleNotAmongGuests([], ['carol@acme.example'])).toBe(false);
  });
});
