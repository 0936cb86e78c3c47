"""The home lab's strings (keys home.*), in English and Korean."""

ENGLISH = {
    "home.title": "LossViz",
    "home.tagline": "An interactive explorer of machine-learning loss functions.",
    "home.nav": "Home",
    "home.intro": ("LossViz lets you move a slider and watch a loss function, its gradient and a training "
                   "run change at once. Every curve comes from the same numpy code that is tested against "
                   "PyTorch to float64 precision."),
    "home.privacy": ("Nothing you do here leaves this server: the page loads nothing from elsewhere, no button "
                     "sends a chart or its data anywhere, and a file you upload to the workbench stays in your "
                     "session's memory only."),
    "home.pages": "Pages",
    "home.start": "Which loss should you use? Three questions:",
    "home.start_link": "Answer them in the guide",
}

KOREAN = {
    "home.title": "LossViz",
    "home.tagline": "머신러닝 손실 함수를 직접 움직여 보는 탐색 도구입니다.",
    "home.nav": "홈",
    "home.intro": ("슬라이더를 움직이면 손실 함수와 그 그래디언트, 학습 과정이 함께 바뀌는 모습을 볼 수 있습니다. 모든 곡선은 PyTorch와 float64 정밀도로 일치하는지 테스트한 numpy "
                   "코드로 계산합니다."),
    "home.privacy": ("여기서 하는 일은 이 서버 밖으로 나가지 않습니다. 페이지는 다른 곳에서 아무것도 불러오지 않고, "
                     "어떤 버튼도 차트나 그 데이터를 다른 곳으로 보내지 않으며, 실험대에 올린 파일은 이 세션의 "
                     "메모리에만 머뭅니다."),
    "home.pages": "페이지",
    "home.start": "어떤 손실 함수를 써야 할까요? 세 가지만 물어봅니다.",
    "home.start_link": "가이드에서 답해 보기",
}
