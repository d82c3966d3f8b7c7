-- ITI para 8 e: a national mark identifies one weapon. Registrations and MARKED events look up whether another weapon
-- carries the mark already, case and surrounding spaces aside (upper(text) of the trimmed mark): without this index each
-- lookup would read every national mark of the register.
CREATE INDEX weapon_marking_national_idx ON weapon_marking (upper(text)) WHERE kind = 'NATIONAL';
