"""The "alert" action: probing of people search raises an audit row administrators can filter for."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_chain_head_advanced_by_the_database"),
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
                ],
                max_length=20,
            ),
        ),
    ]
