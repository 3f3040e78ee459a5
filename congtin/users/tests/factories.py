from __future__ import annotations

import factory

from congtin.users.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = "An"
    last_name = "Nguyễn Văn"
    email = factory.LazyAttribute(lambda u: f"{u.username}@congtin.test")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @factory.post_generation
    def persist_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
