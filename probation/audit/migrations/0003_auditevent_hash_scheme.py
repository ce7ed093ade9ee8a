"""Record how each entry's hash was made. Existing entries are unkeyed SHA-256 and stay so (the audit
is never rewritten); new entries are HMAC-SHA256 (ADR 0020)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_genesis_and_append_only_triggers")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="hash_scheme",
            field=models.CharField(
                choices=[
                    ("sha256", "SHA-256, unkeyed (before ADR 0020)"),
                    ("hmac-sha256", "HMAC-SHA256 keyed with AUDIT_HMAC_KEY"),
                ],
                default="sha256",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="hash_scheme",
            field=models.CharField(
                choices=[
                    ("sha256", "SHA-256, unkeyed (before ADR 0020)"),
                    ("hmac-sha256", "HMAC-SHA256 keyed with AUDIT_HMAC_KEY"),
                ],
                default="hmac-sha256",
                max_length=16,
            ),
        ),
    ]
