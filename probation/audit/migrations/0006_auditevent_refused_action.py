"""The "refused" action: a refused attempt on a case (a 404 for a denied or missing CRN) is audited."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0005_auditevent_alert_action"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("view", "Viewed"),
                    ("search", "Searched"),
                    ("create", "Created"),
                    ("update", "Changed"),
                    ("allocate", "Allocated"),
                    ("export", "Exported"),
                    ("access_change", "Changed access"),
                    ("sign_in", "Signed in"),
                    ("sign_out", "Signed out"),
                    ("sign_in_failed", "Failed sign-in"),
                    ("alert", "Alert"),
                    ("refused", "Refused"),
                ],
                max_length=20,
            ),
        ),
    ]
