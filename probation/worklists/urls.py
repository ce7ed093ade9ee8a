app_name = "worklists"

urlpatterns: list = []
